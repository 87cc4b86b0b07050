using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using MassTransit;
using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>
/// The single door through which anything leaves a service for another participant. It
/// applies the sharing policy and writes the message into the caller's own unit of work,
/// so the message is committed exactly when the state change that caused it is.
/// </summary>
public sealed class CrossBorderOutbox(ServiceIdentity self, SharingPolicy policy, TimeProvider clock, OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues an addressed message (which may carry a child's data) for its recipient's own endpoint.</summary>
    public Guid Send<T>(IMessagingDbContext db, T message)
        where T : class, IAddressedMessage =>
        Send(db, (IAddressedMessage)message);

    /// <summary>As <see cref="Send{T}"/>, for a message an aggregate raised, whose type is known only at run time.</summary>
    public Guid Send(IMessagingDbContext db, IAddressedMessage message)
    {
        policy.EnsureMaySend(message, self.Authority);
        var type = message.GetType();
        var services = type.GetCustomAttribute<DeliveredToAttribute>()?.Services;
        if (services is not { Count: > 0 })
        {
            throw new SharingRefusedException($"{type.Name} names no service it is delivered to.");
        }

        var ids = services.Select(service => Enqueue(db, type, message, $"queue:{ServiceIdentity.QueueFor(message.To, service)}")).ToList();
        return ids[0];
    }

    /// <summary>As <see cref="Publish{T}"/>, for an event an aggregate raised.</summary>
    public Guid Publish(IMessagingDbContext db, IMetadataEvent metadataEvent) =>
        Enqueue(db, metadataEvent.GetType(), metadataEvent, destination: null);

    /// <summary>Queues a metadata-only event for anyone who subscribes (the regional monitor).</summary>
    public Guid Publish<T>(IMessagingDbContext db, T metadataEvent)
        where T : class, IMetadataEvent =>
        Enqueue(db, metadataEvent, destination: null);

    /// <summary>Wakes the dispatcher; call after the unit of work committed.</summary>
    public void Flush() => signal.Notify();

    private Guid Enqueue<T>(IMessagingDbContext db, T message, string? destination)
        where T : class =>
        Enqueue(db, typeof(T), message, destination);

    private Guid Enqueue(IMessagingDbContext db, Type type, object message, string? destination)
    {
        var id = NewId.NextSequentialGuid();
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = id,
            MessageType = MessageTypes.UrnOf(type),
            Destination = destination,
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
        });
        return id;
    }
}
