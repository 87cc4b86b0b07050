using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Features;

/// <summary>A notification whose outbox message the broker confirmed is "sent", in the same transaction.</summary>
internal sealed class MarkNotificationsSent(PlacementDbContext db) : IOutboxDispatchListener
{
    public async Task OnDispatchedAsync(IReadOnlyCollection<Guid> messageIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
    {
        var notifications = await db.Notifications
            .Where(n => messageIds.Contains(n.OutboxMessageId))
            .ToListAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            // The host's receipt can overtake the broker's confirm; it left no later than it arrived.
            notification.SentAt ??= notification.DeliveredAt < dispatchedAt ? notification.DeliveredAt : dispatchedAt;
            if (notification.Status == NotificationStatus.Pending)
            {
                notification.Status = NotificationStatus.Sent;
            }
        }
    }
}
