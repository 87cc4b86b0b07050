namespace Regional.Messaging;

public static class Instants
{
    /// <summary>
    /// Whole milliseconds, in UTC: what every provider stores exactly (SQLite's ticks, PostgreSQL's
    /// microseconds, SQL Server's datetimeoffset), so what a caller is told, or what a hash covers,
    /// is what is read back.
    /// </summary>
    public static DateTimeOffset AsStored(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
