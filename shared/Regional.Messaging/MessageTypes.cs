using System.Collections.Frozen;
using System.Reflection;
using MassTransit;
using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>
/// Maps each contract to its stable URN and back, so that the outbox stores names that
/// survive a rename or a move of the CLR type.
/// </summary>
public static class MessageTypes
{
    private static readonly FrozenDictionary<string, Type> ByUrn = typeof(IAddressedMessage).Assembly
        .GetTypes()
        .Where(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null)
        .ToFrozenDictionary(t => UrnOf(t), t => t);

    public static string UrnOf(Type type) =>
        type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString()
        ?? throw new InvalidOperationException($"{type.Name} is not a contract: it has no MessageUrn.");

    public static Type Resolve(string urn) =>
        ByUrn.TryGetValue(urn, out var type)
            ? type
            : throw new InvalidOperationException($"No contract is named {urn}.");
}
