export * from './local-smtp-catcher';
export * from './mail-message';
export * from './smtp-mailer';
