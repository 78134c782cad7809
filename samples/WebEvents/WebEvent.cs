namespace WebEvents;

/// <summary>The raw schema of a web event, as a plain C# record. Property names map to snake_case
/// columns (EventId -> event_id).</summary>
public sealed record WebEvent(
    string EventId,
    string UserEmail,
    string EventType,
    string PageUrl,
    DateTime EventTime,
    string? UserAgent);
