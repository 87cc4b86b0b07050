using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regional.Alerts.Data;
using Regional.Messaging;
using Regional.Region;

namespace Regional.Alerts.Domain;

/// <summary>
/// Numbers new alerts as they commit, under one lock held until the commit: each gets the next feed
/// sequence and the next reference of its force and year. Because a writer numbers only while it
/// holds the lock, and keeps it until its transaction has committed, a higher sequence is never
/// visible before a lower one: a reader paging the feed by sequence can miss nothing.
/// </summary>
public sealed class AlertNumbering(RegionDirectory region, TimeProvider clock) : ICommitStep<AlertsDbContext>
{
    private const long LockKey = 727274101;

    public bool Applies(AlertsDbContext db) => db.ChangeTracker.Entries<PoliceAlert>().Any(e => e.State == EntityState.Added);

    public async Task<IAsyncDisposable> BeforeSaveAsync(AlertsDbContext db, CancellationToken cancellationToken)
    {
        var held = await CommitLock.AcquireAsync(db, "alert_feed", LockKey, cancellationToken);
        try
        {
            var added = db.ChangeTracker.Entries<PoliceAlert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var sequence = await db.Alerts.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
            var year = Year(clock.GetUtcNow());
            foreach (var force in added.GroupBy(a => a.Force, StringComparer.Ordinal))
            {
                var number = await db.Alerts.Where(a => a.Force == force.Key && a.Year == year).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0;
                var prefix = region.Force(force.Key)?.ReferencePrefix
                    ?? throw new InvalidOperationException($"'{force.Key}' is not a police force of the region.");
                foreach (var alert in force)
                {
                    alert.Year = year;
                    alert.Number = ++number;
                    alert.Reference = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{number:D6}");
                }
            }

            // In the order they were added: an escalation follows the alert it is about.
            foreach (var alert in added)
            {
                alert.Sequence = ++sequence;
            }

            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private int Year(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, region.TimeZone).Year;
}
