namespace Regional.Contracts;

/// <summary>
/// A message addressed to one participant of the region. It may carry a child's data, so it
/// is only ever <em>sent</em> to the recipient's own endpoint, never published.
/// </summary>
public interface IAddressedMessage
{
    /// <summary>The sending authority or force id.</summary>
    string From { get; }

    /// <summary>The receiving authority or force id.</summary>
    string To { get; }
}

/// <summary>
/// A metadata-only event for regional monitoring: kinds, participants and times, never a
/// child's identity. These are the only messages that may be published to every subscriber.
/// </summary>
public interface IMetadataEvent
{
    string From { get; }

    string To { get; }
}

/// <summary>Names the service whose queue receives an addressed message at the recipient: <c>{to}.{service}</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DeliveredToAttribute(string service) : Attribute
{
    public string Service { get; } = service;
}
