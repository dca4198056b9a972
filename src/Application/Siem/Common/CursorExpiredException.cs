namespace InfiniteSecurity.Application.Siem.Common;

/// <summary>The cursor points before events that retention has deleted: reading on would skip them silently. Mapped to 410.</summary>
public sealed class CursorExpiredException() : Exception("The cursor is older than the retained events; start again without a cursor.");
