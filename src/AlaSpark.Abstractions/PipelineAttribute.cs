using System;

namespace AlaSpark
{
    /// <summary>
    /// Declares a pipeline: a <c>partial</c> class whose source, processors and sinks are given by
    /// the other attributes on it. The AlaSpark generator turns it into an <c>IPipeline</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class PipelineAttribute : Attribute
    {
        /// <summary>Declares the pipeline <paramref name="name"/> (snake_case, e.g. <c>raw_to_cooked</c>).</summary>
        public PipelineAttribute(string name) { Name = name; }

        /// <summary>The pipeline's name, as used by <c>run &lt;pipeline&gt;</c> and in lineage.</summary>
        public string Name { get; }
    }
}
