using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>
/// A record that more than one writer moves on (people, consumers, sweeps). <see cref="Version"/>
/// is the optimistic concurrency token, raised by the unit of work on every change, so that two
/// writers of the same row can never both win silently.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A record a person edits and may guard with <c>If-Match</c>. <see cref="Revision"/> is its
/// entity tag: it moves only when a person's (or another authority's) change commits, never for
/// the system's own bookkeeping (a sweep noting a lapse), so a sweep never makes a person's
/// <c>If-Match</c> fail.
/// </summary>
public interface IRevised : IVersioned
{
    int Revision { get; set; }
}

/// <summary>
/// An aggregate changes its own state and says, as it does, what must leave the service because
/// of it. The unit of work takes those messages on save, passes them through the sharing policy
/// into the outbox, and commits them with the change: nothing is sent that was not committed,
/// and nothing committed is left unsent.
/// </summary>
public abstract class Aggregate
{
    private readonly List<object> _outgoing = [];

    /// <summary>A message for one recipient (it may carry a child's data).</summary>
    protected void Send(IAddressedMessage message) => _outgoing.Add(message);

    /// <summary>A metadata-only event for whoever subscribes (the regional monitor).</summary>
    protected void Publish(IMetadataEvent metadataEvent) => _outgoing.Add(metadataEvent);

    internal IReadOnlyList<object> TakeOutgoing()
    {
        if (_outgoing.Count == 0)
        {
            return [];
        }

        var taken = _outgoing.ToArray();
        _outgoing.Clear();
        return taken;
    }
}
