"""The analyst's dashboard: a Streamlit page over the views (`eventwire dashboard`).

`queries` holds pure query functions (a connection in, a DataFrame out); `data` opens the database
read-only for each query and lets go at once, so a scheduled run can write between two queries; `app`
is the Streamlit page.
"""
