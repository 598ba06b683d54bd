/** One message to one person: a short plain-text body and the same words as HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}
