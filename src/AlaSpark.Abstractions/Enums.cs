namespace AlaSpark
{
    /// <summary>What a file reader does with a row it cannot parse.</summary>
    public enum BadRecordsMode
    {
        /// <summary>Write the row (file, line, raw text, reason) under the bad-records path and carry on.</summary>
        Quarantine = 0,
        /// <summary>Skip the row silently (it is still counted).</summary>
        Drop = 1,
        /// <summary>Stop the read with an error that names the file and the line.</summary>
        Fail = 2,
    }

    /// <summary>How a batch writer treats a table that already has data.</summary>
    public enum WriteMode
    {
        /// <summary>Add the rows to the table.</summary>
        Append = 0,
        /// <summary>Replace the table's rows.</summary>
        Overwrite = 1,
        /// <summary>Fail when the table already exists.</summary>
        ErrorIfExists = 2,
        /// <summary>Do nothing when the table already exists.</summary>
        Ignore = 3,
    }

    /// <summary>Spark's streaming output modes.</summary>
    public enum OutputMode
    {
        /// <summary>Only new rows are written.</summary>
        Append = 0,
        /// <summary>Changed rows are written.</summary>
        Update = 1,
        /// <summary>The whole result is rewritten.</summary>
        Complete = 2,
    }

    /// <summary>The granularity of a partition column derived from a timestamp.</summary>
    public enum PartitionGranularity
    {
        /// <summary>A date (<c>yyyy-MM-dd</c>).</summary>
        Day = 0,
        /// <summary>The timestamp truncated to the hour.</summary>
        Hour = 1,
        /// <summary>The date truncated to the first day of the month.</summary>
        Month = 2,
        /// <summary>The date truncated to the first day of the year.</summary>
        Year = 3,
    }

    /// <summary>Hash functions for <c>HashColumn</c>.</summary>
    public enum HashAlgorithm
    {
        /// <summary>SHA-256, hex encoded (Spark's <c>sha2(col, 256)</c>).</summary>
        Sha256 = 0,
        /// <summary>SHA-512, hex encoded (Spark's <c>sha2(col, 512)</c>).</summary>
        Sha512 = 1,
        /// <summary>MD5, hex encoded (Spark's <c>md5(col)</c>).</summary>
        Md5 = 2,
    }

    /// <summary>Spark's join types.</summary>
    public enum JoinType
    {
        /// <summary>Rows with a match on both sides.</summary>
        Inner = 0,
        /// <summary>Every left row, with the right side's columns null where nothing matches.</summary>
        Left = 1,
        /// <summary>Every right row.</summary>
        Right = 2,
        /// <summary>Every row of both sides.</summary>
        Full = 3,
        /// <summary>Left rows that have a match (left columns only).</summary>
        LeftSemi = 4,
        /// <summary>Left rows that have no match (left columns only).</summary>
        LeftAnti = 5,
        /// <summary>Every combination.</summary>
        Cross = 6,
    }
}
