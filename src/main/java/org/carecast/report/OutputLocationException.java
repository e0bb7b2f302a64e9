package org.carecast.report;

/**
 * A problem with where output is to be written: the target holds files carecast did not
 * write, is an existing file, cannot be created, or the disk is full. The message is one line
 * naming the location and what to do; the command line prints it and exits with status 2.
 * Nothing of the user's has been touched when it is raised.
 */
public final class OutputLocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutputLocationException(String message) {
        super(message);
    }

    public OutputLocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
