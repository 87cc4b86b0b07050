namespace Regional.RiskTool;

/// <summary>
/// A definition or mapping the catalog will not load. All problems are reported together, so
/// whoever edits a definition fixes it in one pass.
/// </summary>
public sealed class RiskToolDefinitionException(IReadOnlyList<string> problems)
    : Exception("The risk tool definitions are not valid:" + string.Concat(problems.Select(p => "\n - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
