namespace Regional.Messaging;

/// <summary>
/// Lets a service record what the leaving of its messages means to it (a notification becomes
/// "sent"). Runs before the messages are marked dispatched: a crash in between re-sends them,
/// which receivers deduplicate, rather than leaving a state that says less than happened.
/// </summary>
public interface IOutboxDispatchListener
{
    Task OnDispatchedAsync(IReadOnlyCollection<OutboxMessage> dispatched, DateTimeOffset dispatchedAt, CancellationToken cancellationToken);
}
