export { openTestDatabase, testDatabaseEngines } from './test-database.js';
export { thrownCode } from './thrown-code.js';
