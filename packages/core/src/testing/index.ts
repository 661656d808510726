export { openTestDatabase, testDatabaseEngines } from './test-database.js';
