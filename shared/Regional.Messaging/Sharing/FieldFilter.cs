using System.Text.Json.Nodes;

namespace Regional.Messaging;

/// <summary>
/// Cuts a serialised message down to the paths a rule allows. A path allows its whole subtree; the
/// objects on the way to an allowed path are kept as containers; list elements are filtered by the
/// same paths as their list.
/// </summary>
public static class FieldFilter
{
    /// <summary>Removes from <paramref name="body"/> every non-null value outside <paramref name="allowed"/>; returns the paths removed.</summary>
    public static List<string> Apply(JsonObject body, IReadOnlyCollection<string> allowed)
    {
        var removed = new List<string>();
        Filter(body, "", allowed, removed);
        return removed;
    }

    /// <summary>The leaf paths that carry a value (the fields actually sent), in document order.</summary>
    public static List<string> Present(JsonNode? node)
    {
        var present = new List<string>();
        Collect(node, "", present);
        return [.. present.Distinct(StringComparer.Ordinal)];
    }

    public static JsonNode? Select(JsonObject body, string path)
    {
        JsonNode? node = body;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }

    private static void Filter(JsonNode? node, string prefix, IReadOnlyCollection<string> allowed, List<string> removed)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    var path = prefix + name;
                    if (allowed.Any(a => a == path || path.StartsWith(a + ".", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    if (allowed.Any(a => a.StartsWith(path + ".", StringComparison.Ordinal)))
                    {
                        Filter(value, path + ".", allowed, removed);
                        continue;
                    }

                    if (value is not null)
                    {
                        removed.Add(path);
                    }

                    o.Remove(name);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Filter(item, prefix, allowed, removed);
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, string prefix, List<string> present)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    Collect(value, prefix.Length == 0 ? name : $"{prefix}.{name}", present);
                }

                break;
            case JsonArray a:
                if (a.Count == 0)
                {
                    present.Add(prefix);
                }

                foreach (var item in a)
                {
                    Collect(item, prefix, present);
                }

                break;
            case null:
                break;
            default:
                present.Add(prefix);
                break;
        }
    }
}
