namespace Regional.RiskTool;

/// <summary>
/// The overall level the region reports (seed 000: high / medium / low / being assessed;
/// seed 001 Appendix A: "Not yet assessed/unknown").
/// </summary>
public enum RiskLevel
{
    NotYetAssessed,
    Low,
    Medium,
    High,
}
