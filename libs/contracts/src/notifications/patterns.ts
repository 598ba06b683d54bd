/** Message patterns of the notifications service (events in, from every producer's outbox relay). */
export const NOTIFICATIONS = {
  deliver: 'notifications.events.deliver',
} as const;
