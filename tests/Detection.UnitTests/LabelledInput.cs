namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>One line of a labelled JSONL corpus: <c>{"input", "label", "source"}</c>.</summary>
public sealed record LabelledInput(string Input, string Label, string Source = "");
