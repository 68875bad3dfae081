import { Init1795896047293 } from './1795896047293-init.js';

/** Every migration, in order. `npm run migration:generate <Name>` writes a new file here: add its class below. */
export const MIGRATIONS = [Init1795896047293];
