using System;

namespace AlaSpark
{
    /// <summary>Names the column a schema property maps to (default: the property name in snake_case).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
    public sealed class ColumnAttribute : Attribute
    {
        /// <summary>Maps the property to the column <paramref name="name"/>.</summary>
        public ColumnAttribute(string name) { Name = name; }

        /// <summary>The column's name.</summary>
        public string Name { get; }
    }

    /// <summary>Gives a <c>decimal</c> property its Spark precision and scale (default decimal(38,18)).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
    public sealed class DecimalAttribute : Attribute
    {
        /// <summary>A decimal with <paramref name="precision"/> digits, <paramref name="scale"/> of them after the point.</summary>
        public DecimalAttribute(int precision, int scale) { Precision = precision; Scale = scale; }

        /// <summary>The total number of digits (at most 38).</summary>
        public int Precision { get; }

        /// <summary>The digits after the decimal point.</summary>
        public int Scale { get; }
    }
}
