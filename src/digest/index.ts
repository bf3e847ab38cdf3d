export { analyseDay, groupItems } from './themes';
