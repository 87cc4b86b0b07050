using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Regional.ServiceDefaults;

/// <summary>
/// Some routes name a child by the owning authority's own id (<c>/consent/children/{childId}</c>).
/// HTTP instrumentation records the path itself (<c>url.path</c>, <c>url.full</c>), so before a span
/// leaves the process every such segment is replaced by its route parameter's name; the route
/// template (<c>http.route</c>) already says which endpoint it was.
/// </summary>
public sealed partial class PathRedaction : BaseProcessor<Activity>
{
    public const string Placeholder = "{childId}";

    public override void OnEnd(Activity data) => RedactTags(data);

    public static void RedactTags(Activity activity)
    {
        List<(string Key, string Value)>? changed = null;
        foreach (var (key, value) in activity.TagObjects)
        {
            if (value is string text && Redact(text) is var redacted && !ReferenceEquals(redacted, text))
            {
                (changed ??= []).Add((key, redacted));
            }
        }

        foreach (var (key, value) in changed ?? [])
        {
            activity.SetTag(key, value);
        }

        if (Redact(activity.DisplayName) is var name && !ReferenceEquals(name, activity.DisplayName))
        {
            activity.DisplayName = name;
        }
    }

    /// <summary>The text with each <c>/children/{id}</c> segment's id replaced; the same instance when there is none.</summary>
    public static string Redact(string text) =>
        text.Contains("/children/", StringComparison.OrdinalIgnoreCase) ? ChildSegment().Replace(text, "$1" + Placeholder) : text;

    [GeneratedRegex("(/children/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChildSegment();
}
