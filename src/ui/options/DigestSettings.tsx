export function DigestSettings() {
  return null;
}
