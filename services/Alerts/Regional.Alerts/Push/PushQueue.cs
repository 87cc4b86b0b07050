using Microsoft.EntityFrameworkCore;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;

namespace Regional.Alerts.Features;

internal static class PushQueue
{
    /// <summary>Queues the alert for push, in the caller's commit, when its force has a subscription switched on.</summary>
    public static async Task AddAsync(AlertsDbContext db, PoliceAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.PushSubscriptions.AnyAsync(s => s.Force == alert.Force && s.Enabled, cancellationToken))
        {
            db.PushDeliveries.Add(PushDelivery.For(alert, now));
        }
    }
}
