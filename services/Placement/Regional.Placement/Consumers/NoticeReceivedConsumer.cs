using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>Placing side: the host stored our notice. Only the notice's own host can say so.</summary>
public sealed class NoticeReceivedConsumer(PlacementDbContext db, ServiceIdentity self, TimeProvider clock)
    : IConsumer<NoticeReceived>
{
    public async Task Consume(ConsumeContext<NoticeReceived> context)
    {
        var receipt = context.Message;
        MisroutedMessageException.ThrowIfNotFor(receipt, self);
        if (await db.AlreadyConsumedAsync(context, nameof(NoticeReceivedConsumer), clock.GetUtcNow()))
        {
            return;
        }

        var notification = await NotificationFor(db, receipt.NotificationId, receipt.From, context.CancellationToken);
        notification.DeliveredAt ??= receipt.ReceivedAt;
        // The receipt can overtake the broker's confirm to our dispatcher: it left no later than it arrived.
        notification.SentAt ??= receipt.ReceivedAt;
        if (notification.Status is NotificationStatus.Pending or NotificationStatus.Sent)
        {
            notification.Status = NotificationStatus.Delivered;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }

    internal static async Task<Notification> NotificationFor(PlacementDbContext db, Guid notificationId, string host, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
            ?? throw new MisroutedMessageException($"Notification {notificationId} is not one of ours.");
        return notification.To == host
            ? notification
            : throw new MisroutedMessageException($"Notification {notificationId} was not sent to '{host}'.");
    }
}

public sealed class NoticeReceivedConsumerDefinition : RegionalConsumerDefinition<NoticeReceivedConsumer>;
