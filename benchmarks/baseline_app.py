"""The one-line Streamlit page the dashboard is timed against."""

import streamlit as st

st.write("hello")
