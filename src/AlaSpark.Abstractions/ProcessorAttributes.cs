using System;

namespace AlaSpark
{
    /// <summary>
    /// Applies a processor to the pipeline's rows. Processors run in the order their attributes are
    /// written; the arguments bind to one of the processor's public constructors, checked at compile time.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ProcessorAttribute : Attribute
    {
        /// <summary>Applies <paramref name="processor"/> (a <c>ToTableProcessor</c>) built from <paramref name="arguments"/>.</summary>
        /// <remarks>An array after other arguments arrives as one element of <paramref name="arguments"/>.</remarks>
        public ProcessorAttribute(Type processor, params object[] arguments)
        {
            Processor = processor;
            Arguments = arguments ?? new object[0];
        }

        /// <summary>
        /// Applies <paramref name="processor"/> built from one column list, e.g.
        /// <c>[Processor(typeof(DropDuplicates), new[] { "event_id" })]</c>.
        /// </summary>
        /// <remarks>
        /// This overload exists because a lone <c>string[]</c> can't be passed as
        /// <c>params object[]</c> in an attribute (array covariance is refused there, error CS0182).
        /// </remarks>
        public ProcessorAttribute(Type processor, string[] columns)
        {
            Processor = processor;
            Arguments = new object[] { columns };
        }

        /// <summary>The processor's type.</summary>
        public Type Processor { get; }

        /// <summary>The constructor arguments, in order.</summary>
        public object[] Arguments { get; }
    }

    /// <summary>Declares that a custom processor adds the column <see cref="Name"/> of type <see cref="Type"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AddsColumnAttribute : Attribute
    {
        /// <summary>The processor adds the column <paramref name="name"/>, typed like the C# type <paramref name="type"/>.</summary>
        public AddsColumnAttribute(string name, Type type)
        {
            Name = name;
            Type = type;
        }

        /// <summary>The added column's name.</summary>
        public string Name { get; }

        /// <summary>The C# type whose Spark type the column has.</summary>
        public Type Type { get; }
    }

    /// <summary>Declares that a custom processor removes the column <see cref="Name"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RemovesColumnAttribute : Attribute
    {
        /// <summary>The processor removes the column <paramref name="name"/>.</summary>
        public RemovesColumnAttribute(string name) { Name = name; }

        /// <summary>The removed column's name.</summary>
        public string Name { get; }
    }

    /// <summary>Declares that a custom processor leaves the schema as it is (it changes rows, not columns).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class PreservesSchemaAttribute : Attribute
    {
    }
}
