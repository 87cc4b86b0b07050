namespace Regional.RiskTool;

/// <summary>One row of the risk matrix: what the practitioner rates, with what each column means.</summary>
public sealed record Indicator(string Code, string Name, IndicatorDescriptors Descriptors);

/// <summary>The text of the low, medium and high columns, so that ratings mean the same in every authority.</summary>
public sealed record IndicatorDescriptors(string Low, string Medium, string High)
{
    public string? For(Rating rating) => rating switch
    {
        Rating.Low => Low,
        Rating.Medium => Medium,
        Rating.High => High,
        _ => null,
    };
}

/// <summary>A vulnerability factor, model of exploitation or exploitation type: ticked, not rated.</summary>
public sealed record CodedItem(string Code, string Name);
