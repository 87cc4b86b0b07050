using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Features;

/// <summary>
/// A notification whose outbox message the broker confirmed is "sent". Runs in the dispatcher's
/// transaction, as conditional updates: the host's receipt may already have moved it on, and a
/// read-then-write here would put it back.
/// </summary>
internal sealed class MarkNotificationsSent(PlacementDbContext db) : IOutboxDispatchListener
{
    public async Task OnDispatchedAsync(IReadOnlyCollection<Guid> messageIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
    {
        await db.Notifications
            .Where(n => messageIds.Contains(n.OutboxMessageId) && n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(
                set => set.SetProperty(n => n.Status, NotificationStatus.Sent).SetProperty(n => n.Version, n => n.Version + 1),
                cancellationToken);
        await db.Notifications
            .Where(n => messageIds.Contains(n.OutboxMessageId) && n.SentAt == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(n => n.SentAt, dispatchedAt).SetProperty(n => n.Version, n => n.Version + 1),
                cancellationToken);
    }
}
