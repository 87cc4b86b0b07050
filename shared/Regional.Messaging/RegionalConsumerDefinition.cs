using MassTransit;

namespace Regional.Messaging;

/// <summary>
/// Retry policy shared by the region's consumers: exponential back-off for transient faults
/// (a locked database, a deadlock); none for a message that can never succeed, which goes
/// straight to the error queue to be looked at rather than retried.
/// </summary>
public abstract class RegionalConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
            retry.Ignore<MisroutedMessageException>();
            retry.Ignore<SharingRefusedException>();
        });
    }
}

/// <summary>
/// A consumer whose effects are not idempotent by themselves (it adds rows): the inbox runs in
/// front of it, and its receipt commits with the consumer's unit of work.
/// </summary>
public abstract class InboxConsumerDefinition<TConsumer> : RegionalConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        consumerConfigurator.UseFilter(new InboxFilter<TConsumer>());
    }
}

/// <summary>A message reached an endpoint it was not addressed to: never store it, never retry it.</summary>
public sealed class MisroutedMessageException(string message) : Exception(message)
{
    public static void ThrowIfNotFor(Contracts.IAddressedMessage message, ServiceIdentity self)
    {
        if (message.To != self.Authority)
        {
            throw new MisroutedMessageException(
                $"{message.GetType().Name} addressed to '{message.To}' reached '{self.QueueName}'.");
        }
    }
}
