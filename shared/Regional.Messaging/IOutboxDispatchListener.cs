namespace Regional.Messaging;

/// <summary>
/// Lets a service record, in the same transaction that marks messages dispatched, what
/// their leaving means to it (a notification becomes "sent").
/// </summary>
public interface IOutboxDispatchListener
{
    Task OnDispatchedAsync(IReadOnlyCollection<Guid> messageIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken);
}
