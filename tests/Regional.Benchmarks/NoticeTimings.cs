using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Regional.Contracts.Placements.V1;

namespace Regional.Benchmarks;

/// <summary>When each notice was stored at its host, and its receipt and acknowledgement stored back home.</summary>
public sealed class NoticeTiming
{
    public long Start;
    public long StoredAtHost;
    public long Delivered;
    public long Acknowledged;
    public int TimesStoredAtHost;
}

/// <summary>
/// Watches every placement service's consumers in the process (after their transaction
/// committed) and hands each newly stored notice to whoever acknowledges it.
/// </summary>
public sealed class NoticeTimings : IConsumeObserver
{
    public ConcurrentDictionary<Guid, NoticeTiming> ByNotification { get; } = new();

    public Func<PlacementNotice, Task>? OnStoredAtHost { get; set; }

    public NoticeTiming For(Guid notificationId) => ByNotification.GetOrAdd(notificationId, _ => new NoticeTiming());

    public void Reset() => ByNotification.Clear();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        var now = Stopwatch.GetTimestamp();
        switch (context.Message)
        {
            case PlacementNotice notice:
                var timing = For(notice.NotificationId);
                if (Interlocked.Increment(ref timing.TimesStoredAtHost) == 1)
                {
                    Interlocked.CompareExchange(ref timing.StoredAtHost, now, 0);
                    if (OnStoredAtHost is { } acknowledge)
                    {
                        _ = Task.Run(() => acknowledge(notice));
                    }
                }

                break;
            case NoticeReceived receipt:
                Interlocked.CompareExchange(ref For(receipt.NotificationId).Delivered, now, 0);
                break;
            case NoticeAcknowledged acknowledgement:
                Interlocked.CompareExchange(ref For(acknowledgement.NotificationId).Acknowledged, now, 0);
                break;
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
