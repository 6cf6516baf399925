namespace AzureML.Core.Data;

/// <summary>
/// The type of the values a <see cref="DataFrameColumn"/> holds; the names follow azureml's <c>DataType</c>
/// conversions (<c>to_long</c>, <c>to_float</c>, <c>to_bool</c>, <c>to_string</c>, <c>to_datetime</c>).
/// </summary>
public enum DataFrameColumnType
{
    /// <summary>64-bit signed integers (<see cref="long"/>).</summary>
    Integer,

    /// <summary>Double-precision floating point numbers (<see cref="double"/>).</summary>
    Float,

    /// <summary>True/false values (<see cref="bool"/>).</summary>
    Boolean,

    /// <summary>Text (<see cref="string"/>).</summary>
    String,

    /// <summary>Dates and times (<see cref="System.DateTime"/>).</summary>
    DateTime,
}
