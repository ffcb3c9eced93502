package io.armature.security.internal.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code io.armature.security.audit}: rotation of the audit log. */
@ObjectClassDefinition(
        name = "Armature audit log",
        description = "The audit log in data/audit/: size of a file and how many are kept.")
public @interface AuditConfig {
    @AttributeDefinition(
            name = "File size (MB)",
            description = "audit.log is rotated to audit.log.1 when it grows beyond this.",
            min = "1")
    int maxFileMegabytes() default 10;

    @AttributeDefinition(
            name = "Files kept",
            description =
                    "Rotated files kept (audit.log.1 ... audit.log.N); older ones are deleted.",
            min = "1")
    int filesKept() default 10;
}
