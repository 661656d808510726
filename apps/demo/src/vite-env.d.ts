// Vite turns CSS imports into side effects.
declare module '*.css';
