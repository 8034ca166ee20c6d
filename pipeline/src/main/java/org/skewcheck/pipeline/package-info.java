/**
 * The skewcheck application: options, config loading, the wiring of the transforms into one
 * pipeline ({@link org.skewcheck.pipeline.SkewCheckPipeline}), report writing and exit codes
 * ({@link org.skewcheck.pipeline.SkewCheck}).
 */
package org.skewcheck.pipeline;
