export * from './local-smtp-catcher';
export * from './mail-message';
export * from './mailer';
export * from './ses-mailer';
export * from './smtp-mailer';
