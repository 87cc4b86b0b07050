using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>The lawful basis a rule lets a message go on.</summary>
public enum LawfulBasisKind
{
    /// <summary>A statutory duty to share (the rule names the regulation): always holds.</summary>
    Statutory,

    /// <summary>The authority's public task (the rule names it): always holds.</summary>
    PublicTask,

    /// <summary>Only while consent or a safeguarding override for the rule's purpose is recorded for the child.</summary>
    Recorded,
}

/// <summary>What a message carrying a field its rule does not allow does.</summary>
public enum ExcludedFields
{
    /// <summary>The field is removed and the rest goes (the minimum the recipient needs).</summary>
    Remove,

    /// <summary>The send is refused: the sender must not have put it there.</summary>
    Refuse,
}

/// <summary>For one message kind and one recipient type: the fields that may go and the basis they go on.</summary>
public sealed class RecipientRule
{
    public required LawfulBasisKind Basis { get; init; }

    /// <summary>The law or duty named (for <see cref="LawfulBasisKind.Statutory"/> and <see cref="LawfulBasisKind.PublicTask"/>).</summary>
    public string? Reference { get; init; }

    /// <summary>For <see cref="LawfulBasisKind.Recorded"/>: the purpose whose consent or override the whole message needs...</summary>
    public string? Purpose { get; init; }

    /// <summary>...or the message field that names it.</summary>
    public string? PurposeField { get; init; }

    /// <summary>JSON paths (camelCase, dotted; a path allows its whole subtree) that may go on <see cref="Basis"/>.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>Per purpose, the paths that go only while consent or an override for that purpose holds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Gated { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public ExcludedFields Excluded { get; init; } = ExcludedFields.Remove;
}

/// <summary>The rule of one message kind.</summary>
public sealed class MessageRule
{
    public required string Urn { get; init; }

    public required Type Contract { get; init; }

    /// <summary>Path of the child's local id (in the responsible authority's system); null when the message carries no child's data.</summary>
    public string? Child { get; init; }

    /// <summary>False only for the audit's own feed, which is not itself a disclosure.</summary>
    public bool Audited { get; init; } = true;

    public required IReadOnlyDictionary<RecipientType, RecipientRule> Recipients { get; init; }
}

/// <summary>
/// The sharing rules as data (<c>deploy/sharing-rules.json</c>, built into this assembly; a file named by
/// <c>Sharing:RulesFile</c> replaces it). Parsed and checked against the contracts at start-up: a rule
/// naming a field, recipient type, basis or purpose that does not exist stops the service.
/// </summary>
public sealed class SharingRules
{
    public const string ResourceName = "Regional.Messaging.sharing-rules.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<Type, MessageRule> _byType;

    private SharingRules(int version, IReadOnlySet<string> purposes, Dictionary<Type, MessageRule> byType)
    {
        Version = version;
        Purposes = purposes;
        _byType = byType;
    }

    public int Version { get; }

    public IReadOnlySet<string> Purposes { get; }

    public IEnumerable<MessageRule> Messages => _byType.Values;

    public MessageRule? For(Type contract) => _byType.GetValueOrDefault(contract);

    /// <summary>The rules the project ships.</summary>
    public static SharingRules Default { get; } = LoadDefault();

    public static SharingRules Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? Default : Parse(File.ReadAllText(path), path);

    private static SharingRules LoadDefault()
    {
        using var stream = typeof(SharingRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not built into Regional.Messaging.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "deploy/sharing-rules.json");
    }

    /// <summary>Parses and checks a rules document; every problem is named in one <see cref="SharingRulesException"/>.</summary>
    public static SharingRules Parse(string json, string source = "sharing rules")
    {
        RulesDocument document;
        try
        {
            document = JsonSerializer.Deserialize<RulesDocument>(json, Json) ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new SharingRulesException(source, [$"not a valid rules document: {e.Message}"]);
        }

        var problems = new List<string>();
        if (document.Version < 1)
        {
            problems.Add("version must be a positive number");
        }

        var purposes = new HashSet<string>(document.Purposes ?? [], StringComparer.Ordinal);
        var byType = new Dictionary<Type, MessageRule>();
        foreach (var (urn, raw) in document.Messages ?? [])
        {
            Type contract;
            try
            {
                contract = MessageTypes.Resolve(urn);
            }
            catch (InvalidOperationException)
            {
                problems.Add($"{urn}: no contract has this name");
                continue;
            }

            var shape = ContractShape.Of(contract);
            var addressed = typeof(IAddressedMessage).IsAssignableFrom(contract);
            if (raw.Child is { } child && !shape.Contains(child))
            {
                problems.Add($"{urn}: child '{child}' is not a field of {contract.Name}");
            }

            var recipients = new Dictionary<RecipientType, RecipientRule>();
            foreach (var (name, r) in raw.Recipients ?? [])
            {
                var where = $"{urn} to {name}";
                if (!Enum.TryParse<RecipientType>(name, ignoreCase: false, out var type) || int.TryParse(name, out _))
                {
                    problems.Add($"{where}: unknown recipient type (one of {string.Join(", ", Enum.GetNames<RecipientType>())})");
                    continue;
                }

                if (addressed == (type == RecipientType.RegionalMonitor))
                {
                    problems.Add(addressed
                        ? $"{where}: an addressed message never goes to the regional monitor"
                        : $"{where}: a metadata event goes only to the regional monitor");
                }

                if (r.Basis is not { } basis)
                {
                    problems.Add($"{where}: basis is required (statutory, public-task or recorded)");
                    continue;
                }

                if (basis != LawfulBasisKind.Recorded && string.IsNullOrWhiteSpace(r.Reference))
                {
                    problems.Add($"{where}: a {basis} basis must name its reference (the law or duty)");
                }

                if (basis == LawfulBasisKind.Recorded)
                {
                    if ((r.Purpose is null) == (r.PurposeField is null))
                    {
                        problems.Add($"{where}: a recorded basis names either purpose or purposeField");
                    }
                    else if (r.Purpose is { } purpose && !purposes.Contains(purpose))
                    {
                        problems.Add($"{where}: purpose '{purpose}' is not one of the purposes");
                    }
                    else if (r.PurposeField is { } field && !shape.Contains(field))
                    {
                        problems.Add($"{where}: purposeField '{field}' is not a field of {contract.Name}");
                    }

                    if (raw.Child is null)
                    {
                        problems.Add($"{where}: a recorded basis is about a child: the rule must name child");
                    }
                }

                foreach (var field in r.Fields ?? [])
                {
                    if (!shape.Contains(field))
                    {
                        problems.Add($"{where}: field '{field}' is not a field of {contract.Name}");
                    }
                }

                foreach (var (purpose, fields) in r.Gated ?? [])
                {
                    if (!purposes.Contains(purpose))
                    {
                        problems.Add($"{where}: gated purpose '{purpose}' is not one of the purposes");
                    }

                    problems.AddRange(fields.Where(f => !shape.Contains(f)).Select(f => $"{where}: gated field '{f}' is not a field of {contract.Name}"));
                }

                if ((r.Fields ?? []).Count == 0)
                {
                    problems.Add($"{where}: fields is empty: a rule that lets nothing go should not exist");
                }

                recipients[type] = new RecipientRule
                {
                    Basis = basis,
                    Reference = r.Reference,
                    Purpose = r.Purpose,
                    PurposeField = r.PurposeField,
                    Fields = r.Fields ?? [],
                    Gated = (r.Gated ?? []).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Value),
                    Excluded = r.Excluded ?? ExcludedFields.Remove,
                };
            }

            if (recipients.ContainsKey(RecipientType.HostAuthority) && recipients.ContainsKey(RecipientType.PlacingAuthority))
            {
                // A message kind goes one way between authorities; which way decides its recipient type.
                problems.Add($"{urn}: a message kind goes either to the host or to the placing authority, not both");
            }

            if (recipients.Count == 0)
            {
                problems.Add($"{urn}: no recipients");
            }

            byType[contract] = new MessageRule { Urn = urn, Contract = contract, Child = raw.Child, Audited = raw.Audited ?? true, Recipients = recipients };
        }

        if (problems.Count > 0)
        {
            throw new SharingRulesException(source, problems);
        }

        return new SharingRules(document.Version, purposes, byType);
    }

    private sealed record RulesDocument(int Version, List<string>? Purposes, Dictionary<string, RawMessageRule>? Messages);

    private sealed record RawMessageRule(string? Child, bool? Audited, Dictionary<string, RawRecipientRule>? Recipients);

    private sealed record RawRecipientRule(
        LawfulBasisKind? Basis, string? Reference, string? Purpose, string? PurposeField, List<string>? Fields,
        Dictionary<string, List<string>>? Gated, ExcludedFields? Excluded);
}

public sealed class SharingRulesException(string source, IReadOnlyList<string> problems)
    : Exception($"{source} is not valid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The JSON paths a contract serialises to (camelCase, nested records dotted, list elements by their own fields).</summary>
internal static class ContractShape
{
    public static HashSet<string> Of(Type contract)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(contract, "", paths, depth: 0);
        return paths;
    }

    private static void Walk(Type type, string prefix, HashSet<string> paths, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            paths.Add(path);
            var element = ElementOf(property.PropertyType);
            if (depth < 4 && element.Namespace?.StartsWith("Regional.Contracts", StringComparison.Ordinal) == true && element.IsClass)
            {
                Walk(element, path + ".", paths, depth + 1);
            }
        }
    }

    private static Type ElementOf(Type type)
    {
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType)
        {
            return type.GetGenericArguments()[0];
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }
}
