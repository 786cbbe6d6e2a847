export * from './accounts.js';
export * from './audit.js';
export * from './framework.js';
export * from './org.js';
export * from './accreditation.js';
