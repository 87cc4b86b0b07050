using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Regional.Messaging;

/// <summary>
/// Idempotent consumption: a consumer records the message id in the same transaction as
/// its effects; a redelivered or duplicated message finds the record and does nothing.
/// </summary>
public static class Inbox
{
    /// <summary>
    /// True when this consumer already handled the message. Otherwise adds the receipt to the
    /// unit of work, to commit with the consumer's effects.
    /// </summary>
    public static async Task<bool> AlreadyConsumedAsync(this IMessagingDbContext db, ConsumeContext context, string consumer, DateTimeOffset now)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A cross-border message must carry a message id.");
        if (await db.Inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            return true;
        }

        db.Inbox.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ConsumedAt = now });
        return false;
    }
}
