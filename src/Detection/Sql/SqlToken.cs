namespace InfiniteSecurity.Detection.Sql;

/// <summary>One lexed token: its kind and where it sits in the view (no substring is allocated).</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, bool Closed = true);
