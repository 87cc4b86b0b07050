using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>
/// Placing side: the host stored our notice. Only the notice's own host can say so. One
/// conditional update, idempotent by construction (a repeat changes nothing), so it needs no
/// inbox and cannot lose a concurrent acknowledgement.
/// </summary>
public sealed class NoticeReceivedConsumer(PlacementDbContext db, ServiceIdentity self) : IConsumer<NoticeReceived>
{
    public async Task Consume(ConsumeContext<NoticeReceived> context)
    {
        var receipt = context.Message;
        MisroutedMessageException.ThrowIfNotFor(receipt, self);
        var at = receipt.ReceivedAt;
        var updated = await db.Notifications
            .Where(n => n.Id == receipt.NotificationId && n.To == receipt.From)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.DeliveredAt, n => n.DeliveredAt ?? at)
                    // The receipt can overtake the broker's confirm to our dispatcher: it left no later than it arrived.
                    .SetProperty(n => n.SentAt, n => n.SentAt ?? at)
                    .SetProperty(
                        n => n.Status,
                        n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sent ? NotificationStatus.Delivered : n.Status)
                    .SetProperty(n => n.Version, n => n.Version + 1),
                context.CancellationToken);
        if (updated == 0)
        {
            throw new MisroutedMessageException($"Notification {receipt.NotificationId} was not sent by us to '{receipt.From}'.");
        }
    }
}

public sealed class NoticeReceivedConsumerDefinition : RegionalConsumerDefinition<NoticeReceivedConsumer>;
