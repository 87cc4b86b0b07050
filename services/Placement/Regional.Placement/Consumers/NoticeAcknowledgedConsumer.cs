using MassTransit;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>Placing side: the host acknowledged our notice, possibly after it was escalated as overdue.</summary>
public sealed class NoticeAcknowledgedConsumer(PlacementDbContext db, ServiceIdentity self, TimeProvider clock)
    : IConsumer<NoticeAcknowledged>
{
    public async Task Consume(ConsumeContext<NoticeAcknowledged> context)
    {
        var acknowledgement = context.Message;
        MisroutedMessageException.ThrowIfNotFor(acknowledgement, self);
        if (await db.AlreadyConsumedAsync(context, nameof(NoticeAcknowledgedConsumer), clock.GetUtcNow()))
        {
            return;
        }

        var notification = await NoticeReceivedConsumer.NotificationFor(db, acknowledgement.NotificationId, acknowledgement.From, context.CancellationToken);
        notification.Status = NotificationStatus.Acknowledged;
        notification.AcknowledgedAt = acknowledgement.AcknowledgedAt;
        notification.AcknowledgedByRole = acknowledgement.AcknowledgedByRole;
        // An acknowledgement implies delivery, even if its receipt is still on the way.
        notification.DeliveredAt ??= acknowledgement.AcknowledgedAt;
        notification.SentAt ??= notification.DeliveredAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class NoticeAcknowledgedConsumerDefinition : RegionalConsumerDefinition<NoticeAcknowledgedConsumer>;
