using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.ServiceKit;

public sealed class MessageRetentionOptions
{
    public const string SectionName = "Messaging:Retention";

    /// <summary>How long a sent outbox message is kept (for an operator's questions) before it is deleted.</summary>
    public TimeSpan Outbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a consumed message's receipt is kept. A copy delivered after this is handled
    /// again, so it must be far longer than any redelivery or re-send can take.
    /// </summary>
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes sent outbox messages and inbox receipts past their retention, so neither table grows
/// without end. A message not yet sent is never deleted, however old.
/// </summary>
public sealed partial class MessageRetentionSweep<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<MessageRetentionOptions> options,
    ILogger<MessageRetentionSweep<TContext>> logger) : PeriodicSweep(clock, logger)
    where TContext : DbContext, IMessagingDbContext
{
    protected override TimeSpan Interval => options.Value.Interval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = Clock.GetUtcNow();
        var sentBefore = now - options.Value.Outbox;
        var consumedBefore = now - options.Value.Inbox;
        var outbox = await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt != null && m.DispatchedAt < sentBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxMessage>()
            .Where(m => m.ConsumedAt < consumedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
        {
            LogPruned(logger, outbox, inbox);
        }

        return outbox + inbox;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Outbox} sent outbox messages and {Inbox} inbox receipts past their retention")]
    private static partial void LogPruned(ILogger logger, int outbox, int inbox);
}

public sealed class HeldMessageOptions
{
    public const string SectionName = "Sharing:HeldMessages";

    /// <summary>How often held messages are checked against the bases recorded since.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Sends what was held for a basis that has since been recorded (see <see cref="HeldMessages"/>).</summary>
public sealed partial class HeldMessageSweep<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<HeldMessageOptions> options,
    ILogger<HeldMessageSweep<TContext>> logger) : PeriodicSweep(clock, logger)
    where TContext : DbContext, IMessagingDbContext
{
    protected override TimeSpan Interval => options.Value.Interval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var released = await HeldMessages.ReleaseAsync(
            services.GetRequiredService<TContext>(), services.GetRequiredService<CrossBorderOutbox>(),
            services.GetRequiredService<UnitOfWork<TContext>>(), Clock, cancellationToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} held messages whose basis has been recorded")]
    private static partial void LogReleased(ILogger logger, int count);
}
