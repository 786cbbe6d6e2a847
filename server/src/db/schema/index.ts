export * from './accounts.js';
export * from './accreditation.js';
export * from './audit.js';
export * from './catalog.js';
export * from './framework.js';
export * from './org.js';
export * from './people.js';
export * from './factcheck.js';
