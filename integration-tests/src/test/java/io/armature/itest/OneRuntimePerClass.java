package io.armature.itest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One fresh demo runtime for all tests of a class (subclasses' own set-up runs after this). */
abstract class OneRuntimePerClass {
    static RuntimeProcess runtime;

    @BeforeAll
    static void startRuntime() throws Exception {
        runtime = RuntimeProcess.start();
    }

    @AfterAll
    static void stopRuntime() throws Exception {
        runtime.close();
    }
}
