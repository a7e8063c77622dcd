package io.gureum.platform.projects;

import java.time.Instant;
import java.util.Set;

/**
 * What an admin has restricted for one project. {@code disabledFaceAttributes} lists, in the order of
 * {@link ProjectPolicies#FACE_ATTRIBUTES}, the face attributes its calls never get; {@code updatedAt} is
 * null while the project has the defaults (nothing disabled).
 */
public record ProjectPolicy(String projectId, Set<String> disabledFaceAttributes, Instant updatedAt) {}
