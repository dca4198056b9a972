namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>How the product names itself in every format's header.</summary>
public static class ProductInfo
{
    public const string Vendor = "InfiniteSecurity";
    public const string Product = "InfiniteSecurity";

    public static string Version { get; } = typeof(ProductInfo).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
}
