/**
 * The benches' long timelines are clones of a fixture's items. Some items are more than their
 * element: a Hacker News story is its `tr.athing` plus the rows after it (score, author, age, then
 * a spacer), and old Reddit puts a `div.clearleft` after each thing. The adapters read those rows,
 * so a clone of the item element alone measures an item with half its content missing (Hacker
 * News then read no author, age or score).
 *
 * An item's group is its element and the siblings after it up to the next item. The last item
 * has no next one, so it takes as many siblings as the first item's group has: the page's own
 * footer ("More", the pager) is not part of any item.
 */
export function itemGroups(items) {
  const isItem = new Set(items);
  const groups = items.map((item) => {
    const group = [item];
    for (let next = item.nextElementSibling; next && !isItem.has(next); next = next.nextElementSibling) group.push(next);
    return group;
  });
  const last = groups.at(-1);
  if (last && groups.length > 1) last.length = Math.min(last.length, groups[0].length);
  return groups;
}
