namespace GenomDE.Orleans.OperatorConsole.Components.Shared;

/// <summary>One bar: its label, its length and the number it shows.</summary>
public sealed record ChartItem(string Label, double Value, string Display);
